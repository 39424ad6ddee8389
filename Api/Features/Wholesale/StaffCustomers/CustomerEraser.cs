using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;

namespace Api.Features.Wholesale.StaffCustomers;

/// <summary>
/// Staff deletes of customers (one or several): all or nothing, inside the caller's transaction. Refused (409) while a
/// customer owes money on an order or holds store credit; otherwise personal data is erased and orders, payments and
/// invoices are kept with the link removed (the same erasure as a customer's own DELETE /api/users/{id}).
/// </summary>
static class CustomerEraser
{
    static readonly string CheckSql = Sql.Load(typeof(CustomerEraser), "EraseCheck.sql");
    static readonly string EraseSql = Sql.Load(typeof(CustomerEraser), "Erase.sql");

    public static async Task<ErrorOr<int>> EraseAsync(AppDb db, long[] ids, long staffId, CancellationToken ct)
    {
        var rows = await db.QueryToListAsync<CheckRow>(CheckSql, new { Ids = ids }, ct);
        var missing = ids.Except(rows.Select(r => r.Id)).ToArray();
        if (missing.Length > 0)
            return Error.NotFound("Customer.NotFound", missing.Length == 1 ? "Customer not found" : "Some customers were not found",
                new Dictionary<string, object> { ["missing_ids"] = missing });
        var blocked = rows.Where(r => r.Unpaid > 0 || r.StoreCredit > 0).ToArray();
        if (blocked.Length > 0)
            return Error.Conflict("Customer.HasBalance",
                "A customer with an unpaid balance or store credit left cannot be deleted; settle or refund it first",
                new Dictionary<string, object>
                {
                    ["blocked"] = blocked.Select(b => new Dictionary<string, object>
                        { ["id"] = b.Id, ["unpaid_balance"] = b.Unpaid, ["store_credit"] = b.StoreCredit }).ToArray(),
                });
        await db.ExecuteAsync(EraseSql, new { Ids = ids, StaffId = staffId }, ct);
        return rows.Count;
    }

    sealed class CheckRow
    {
        public long Id { get; init; }
        public decimal Unpaid { get; init; }
        public decimal StoreCredit { get; init; }
    }
}
