using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;

namespace Dispatch.Domain.Orders;

/// <summary>Look-ups the intake needs to validate a batch: what exists in the district.</summary>
public interface IReferenceData
{
    Supermarket? FindSupermarket(string id);

    Grid? FindGrid(string id);

    Household? FindHousehold(string id);
}
