using System.Text.Json;
using Api.Features.Wholesale.Common;
using Api.Infrastructure.Database;
using ErrorOr;
using LinqToDB.Data;
using Mediator;
using Npgsql;

namespace Api.Features.Wholesale.SalesCallingList.UpdateEntry;

/// <summary>
/// Validates each field sent (400 with details per field), then writes them in one statement. An entry the caller cannot
/// see is 404; a rep may assign an entry only to themselves or to nobody (403); another entry's phone is 409. A new
/// priority_score restarts decay from that score; mark_called stamps last_called now and logs the call.
/// </summary>
sealed class Handler(AppDb db) : IRequestHandler<Request, ErrorOr<Response>>
{
    static readonly string CheckSql = Sql.Load<Handler>("UpdateEntry.sql");
    static readonly Dictionary<string, int> TextFields = new()
    {
        ["first_name"] = 100, ["last_name"] = 100, ["contact_name"] = 200, ["company_name"] = 200, ["address"] = 500, ["notes"] = 5000,
    };

    public async ValueTask<ErrorOr<Response>> Handle(Request req, CancellationToken ct)
    {
        if (req.Body.ValueKind != JsonValueKind.Object)
            return Error.Validation("body", "The body must be a JSON object", new() { ["field"] = "body" });
        var sets = new List<string>();
        var args = new List<DataParameter> { new("Id", req.EntryId), new("RepId", req.RepId), new("StaffId", req.StaffId) };
        var errors = new List<Error>();
        long? customerId = null, assignee = null;
        var checkCustomer = false;
        var checkAssignee = false;
        var called = false;

        foreach (var p in req.Body.EnumerateObject())
        {
            var v = p.Value;
            var isNull = v.ValueKind == JsonValueKind.Null;
            void Bad(string message) => errors.Add(Error.Validation(p.Name, message, new() { ["field"] = p.Name }));
            switch (p.Name)
            {
                case var f when TextFields.TryGetValue(f, out var max):
                    if (!isNull && v.ValueKind != JsonValueKind.String) { Bad("must be a string or null"); break; }
                    var text = isNull ? null : v.GetString()!.Trim();
                    if (text?.Length > max) { Bad($"must be at most {max} characters"); break; }
                    Set(f, string.IsNullOrEmpty(text) ? null : text);
                    break;
                case "email":
                    if (!isNull && v.ValueKind != JsonValueKind.String) { Bad("must be a string or null"); break; }
                    var email = isNull ? null : v.GetString()!.Trim();
                    if (!string.IsNullOrEmpty(email) && (email.Length > 254 || !email.Contains('@'))) { Bad("must be a valid email address"); break; }
                    Set("email", string.IsNullOrEmpty(email) ? null : email);
                    break;
                case "phone" or "phone2":
                    if (v.ValueKind != JsonValueKind.String && !(isNull && p.Name == "phone2")) { Bad(p.Name == "phone" ? "must be a phone number" : "must be a phone number or null"); break; }
                    var raw = isNull ? null : v.GetString();
                    if (string.IsNullOrWhiteSpace(raw) && p.Name == "phone2") { Set("phone2", null); break; }
                    if (Phones.ToE164(raw) is not { } e164) { Bad("must be a valid phone number"); break; }
                    Set(p.Name, e164);
                    break;
                case "customer_id":
                    if (isNull) { Set("customer_id", null); break; }
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var cid) || cid <= 0) { Bad("must be a customer id or null"); break; }
                    customerId = cid; checkCustomer = true; Set("customer_id", cid);
                    break;
                case "assigned_to":
                    if (isNull) { Set("assigned_to", null); break; }
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var sid) || sid <= 0) { Bad("must be a staff id or null"); break; }
                    assignee = sid; checkAssignee = true; Set("assigned_to", sid);
                    break;
                case "status":
                    if (v.ValueKind != JsonValueKind.String || !CallingList.Statuses.Contains(v.GetString()))
                    { Bad($"must be one of: {string.Join(", ", CallingList.Statuses)}"); break; }
                    Set("status", v.GetString());
                    break;
                case "priority_score":
                    if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var score) || score is < 0 or > 100) { Bad("must be a number from 0 to 100"); break; }
                    args.Add(new DataParameter("Score", Math.Round(score, 2)));
                    sets.Add("priority_score = @Score, base_score = @Score, last_event = 'manual', last_event_at = now(), decayed_on = null");
                    break;
                case "mark_called":
                    if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) { Bad("must be true or false"); break; }
                    called = v.GetBoolean();
                    break;
                case "last_called":
                    if (isNull) { Set("last_called", null); break; }
                    if (v.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                            System.Globalization.DateTimeStyles.AssumeUniversal, out var at)) { Bad("must be an ISO 8601 date and time or null"); break; }
                    Set("last_called", at.ToUniversalTime());
                    break;
            }
        }
        if (errors.Count > 0) return errors;
        if (req.RepId is { } rep && checkAssignee && assignee != rep)
            return Error.Forbidden("CallingList.AssignOthers", "A sales rep can assign entries only to themselves or to nobody");
        if (called) sets.Add("last_called = now()");

        await using var tx = await db.BeginTransactionAsync(ct);
        var check = (await db.QueryToListAsync<Check>(CheckSql, new { Id = req.EntryId, req.RepId, CustomerId = customerId, Assignee = assignee }, ct))[0];
        if (!check.Visible) return Error.NotFound("CallingList.NotFound", "Calling-list entry not found");
        if (checkCustomer && !check.CustomerExists)
            return Error.Validation("customer_id", "no such customer", new() { ["field"] = "customer_id" });
        if (checkAssignee && !check.AssigneeOk)
            return Error.Validation("assigned_to", "must be an active sales rep, manager or admin", new() { ["field"] = "assigned_to" });
        if (sets.Count > 0)
        {
            try
            {
                await db.ExecuteAsync($"update wholesale.calling_list set {string.Join(", ", sets)}, updated_at = now() where id = @Id", ct, args.ToArray());
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Error.Conflict("CallingList.DuplicatePhone", "Another entry already has this phone number");
            }
        }
        if (called)
            await db.ExecuteAsync("insert into wholesale.calling_list_calls (entry_id, staff_id) values (@Id, @StaffId)", ct,
                new DataParameter("Id", req.EntryId), new DataParameter("StaffId", req.StaffId));
        await tx.CommitAsync(ct);
        var entry = (await db.QueryToListAsync<Entry>(CallingList.SelectEntry + " where e.id = @Id", new { Id = req.EntryId }, ct))[0];
        return new Response(true, entry);

        void Set(string column, object? value)
        {
            var name = "P" + args.Count;
            args.Add(new DataParameter(name, value));
            sets.Add(column == "email" ? $"{column} = cast(@{name} as citext)" : $"{column} = @{name}");
        }
    }

    sealed class Check
    {
        public bool Visible { get; init; }
        public bool CustomerExists { get; init; }
        public bool AssigneeOk { get; init; }
    }
}
