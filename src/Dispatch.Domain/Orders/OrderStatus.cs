namespace Dispatch.Domain.Orders;

/// <summary>Where an order is on its way from the supermarket to the household.</summary>
public enum OrderStatus
{
    Received = 0,
    Planned = 1,
    OnTruck = 2,
    Disinfecting = 3,
    Released = 4,
    OutForDelivery = 5,
    Delivered = 6,
    Failed = 7,
    Slotted = 8,
    PickedUp = 9,
    Unfilled = 10,
    Cancelled = 11,
}
