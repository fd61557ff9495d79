using System.Text.Json.Serialization;
using Dispatch.Web.Volunteer;

namespace Dispatch.Web.Shared;

/// <summary>Source-generated JSON for what the app keeps in localStorage (the app is trimmed: no reflection).</summary>
[JsonSerializable(typeof(SignedIn))]
[JsonSerializable(typeof(Household.HouseholdOrderKey))]
[JsonSerializable(typeof(List<PendingReport>))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class StoredJson : JsonSerializerContext;
