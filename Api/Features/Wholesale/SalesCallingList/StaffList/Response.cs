namespace Api.Features.Wholesale.SalesCallingList.StaffList;

/// <summary>The document's "list of dicts": the answer is a bare JSON array of these.</summary>
sealed record Response
{
    public long Id { get; init; }
    public string FullName { get; init; } = "";
    public string Username { get; init; } = "";
    public string Role { get; init; } = "";
}
