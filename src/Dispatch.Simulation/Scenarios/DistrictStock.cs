using Dispatch.Domain;
using Dispatch.Domain.Supply;

namespace Dispatch.Simulation.Scenarios;

/// <summary>
/// A district's reported daily stock in tonnes, and its conversion into standard bundles.
/// DOMAIN.md: the 5 guaranteed-supply supermarkets hold 80 t meat, 400 t vegetables, 45 t eggs a day.
/// Rice-and-flour and medicine stock are not in the reports; the defaults here are planning assumptions.
/// </summary>
/// <param name="MeatTonnes">Meat per day (reported: 80 t).</param>
/// <param name="VegetableTonnes">Vegetables per day (reported: 400 t).</param>
/// <param name="EggTonnes">Eggs per day (reported: 45 t); packed into meat-and-vegetable bundles.</param>
/// <param name="RiceAndFlourTonnes">Rice and flour per day (assumed: 60 t, about 1.7 kg a household).</param>
/// <param name="MedicinePacks">Medicine packs per day (assumed: 3,000, about one chronic-illness household in 1.2 a day).</param>
public sealed record DistrictStock(
    double MeatTonnes = 80,
    double VegetableTonnes = 400,
    double EggTonnes = 45,
    double RiceAndFlourTonnes = 60,
    int MedicinePacks = 3_000)
{
    /// <summary>Meat in one 5 kg meat-and-vegetable bundle.</summary>
    public const int MeatGramsPerMeatAndVegetableBundle = 1_500;

    /// <summary>Eggs in one meat-and-vegetable bundle (about 8 eggs).</summary>
    public const int EggGramsPerMeatAndVegetableBundle = 500;

    /// <summary>Vegetables in one meat-and-vegetable bundle: the rest of its 5 kg.</summary>
    public const int VegetableGramsPerMeatAndVegetableBundle = 3_000;

    /// <summary>
    /// Bundles the district can pack a day. Meat (or eggs, whichever runs out first) bounds the
    /// meat-and-vegetable bundles; the vegetables they do not use fill vegetable bundles.
    /// </summary>
    public BundleCounts ToBundles(BundleCatalog catalog)
    {
        long meatGrams = Units.TonnesToGrams(MeatTonnes);
        long eggGrams = Units.TonnesToGrams(EggTonnes);
        long vegetableGrams = Units.TonnesToGrams(VegetableTonnes);
        long meatAndVegetable = Math.Min(meatGrams / MeatGramsPerMeatAndVegetableBundle, eggGrams / EggGramsPerMeatAndVegetableBundle);
        meatAndVegetable = Math.Min(meatAndVegetable, vegetableGrams / VegetableGramsPerMeatAndVegetableBundle);
        long vegetableLeft = vegetableGrams - (meatAndVegetable * VegetableGramsPerMeatAndVegetableBundle);
        long vegetable = vegetableLeft / catalog.WeightGrams(BundleKind.Vegetable);
        long riceAndFlour = Units.TonnesToGrams(RiceAndFlourTonnes) / catalog.WeightGrams(BundleKind.RiceAndFlour);
        return new BundleCounts(checked((int)meatAndVegetable), checked((int)vegetable), checked((int)riceAndFlour), MedicinePacks);
    }
}
