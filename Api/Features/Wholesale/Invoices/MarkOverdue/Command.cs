using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using LinqToDB.Data;
using Mediator;

namespace Api.Features.Wholesale.Invoices.MarkOverdue;

/// <summary>Marks sent invoices whose due date is before today (business time zone) <c>overdue</c>; returns how many.</summary>
public sealed record Command : ICommand<int>;

sealed class Handler(AppDb db, BusinessClock clock, ILogger<Handler> log) : ICommandHandler<Command, int>
{
    public async ValueTask<int> Handle(Command cmd, CancellationToken ct)
    {
        var n = await db.ExecuteAsync("""
            update wholesale.invoices set status = 'overdue', overdue_at = now(), status_changed_at = now(), status_changed_by = 'system', updated_at = now()
             where status = 'sent' and deleted_at is null and due_date < @Today
            """, new { Today = clock.Today }, ct);
        if (n > 0) log.LogInformation("Marked {Count} invoices overdue", n);
        return n;
    }
}
