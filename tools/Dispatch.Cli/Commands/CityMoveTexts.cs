namespace Dispatch.Cli.Commands;

/// <summary>The <c>--move-trucks</c> and <c>--move-stock</c> options of <c>simulate --city</c>, as written.</summary>
internal sealed record CityMoveTexts(IReadOnlyList<string> Trucks, IReadOnlyList<string> Stock);
