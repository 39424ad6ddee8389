using System.Text.Json;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.UpdateEntry;

/// <summary>
/// The body is read as JSON so that a field sent as null (clear it) differs from a field left out (keep it). Fields:
/// customer_id, first_name, last_name, contact_name, company_name, email, phone, phone2, address, notes, assigned_to, status,
/// priority_score, mark_called, last_called.
/// </summary>
sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("entry_id")] public long EntryId { get; init; }
    [FromBody] public JsonElement Body { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(bool Success, Entry Entry);
