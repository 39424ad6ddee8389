using Api.Features.Wholesale.Common;
using ErrorOr;

namespace Api.Features.Wholesale.SalesReports;

/// <summary>Whose sales a report may show: a sales rep (or plain staff) only their own (another <c>rep_id</c>: 403);
/// admins and managers anyone's, or everyone's when no <c>rep_id</c> is given.</summary>
static class RepScope
{
    /// <summary>The rep id to filter on; null = all reps (admin or manager only).</summary>
    public static ErrorOr<long?> Resolve(Caller caller, long? requested, bool allowAll)
    {
        if (caller.IsAdminOrManager) return requested ?? (allowAll ? null : caller.Id);
        if (requested is { } r && r != caller.Id) return Error.Forbidden("Sales.OtherRep", "You can only see your own sales");
        return caller.Id;
    }
}
