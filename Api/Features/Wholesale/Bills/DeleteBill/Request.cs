using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Bills.DeleteBill;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("bill_id")] public long BillId { get; init; }
}

sealed record Response(bool Success);
