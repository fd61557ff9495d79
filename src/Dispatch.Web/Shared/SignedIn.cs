namespace Dispatch.Web.Shared;

/// <summary>Who uses this phone: the API key and whom it acts for (a volunteer id, or a gate for the board).</summary>
public sealed record SignedIn(string Role, string SubjectId, string ApiKey);
