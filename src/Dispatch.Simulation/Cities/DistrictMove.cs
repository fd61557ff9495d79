using Dispatch.Domain.Geography;
using Dispatch.Domain.Supply;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Cities;

/// <summary>A planner's what-if across a city: resources taken from one district and given to another.</summary>
/// <param name="Where">Where it was written, for messages: <c>--move-trucks #1</c>.</param>
/// <param name="Text">The move as written: <c>city-d01:city-d02:5</c>.</param>
public abstract record DistrictMove(string Where, string Text, DistrictId From, DistrictId To);

/// <summary><c>--move-trucks FROM:TO:N</c>: N of FROM's trucks are based at TO's supermarkets instead.</summary>
public sealed record TruckMove(string Where, string Text, DistrictId From, DistrictId To, int Trucks) : DistrictMove(Where, Text, From, To);

/// <summary>
/// <c>--move-stock FROM:TO:20%</c> (a share of FROM's daily stock of every kind) or <c>FROM:TO:AMOUNT:KIND</c>
/// (<c>20%</c>, <c>500</c> bundles, <c>2t</c> of one kind): that much of FROM's daily stock goes to TO's supermarkets.
/// </summary>
/// <param name="Amounts">What leaves FROM per bundle kind, read as the stock overrides of <c>simulate --set</c> read it.</param>
public sealed record StockMove(string Where, string Text, DistrictId From, DistrictId To, IReadOnlyList<StockOverride> Amounts) : DistrictMove(Where, Text, From, To);
