using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.DeleteEntry;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("entry_id")] public long EntryId { get; init; }
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(bool Success);
