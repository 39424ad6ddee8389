using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.SalesCallingList.BackfillCustomerInfo;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [HideFromDocs] public long? StaffId { get; init; }
    [HideFromDocs] public long? RepId { get; init; }
}

sealed record Response(int Linked, int AlreadyLinked, int NoMatch, int Total, string Message);
