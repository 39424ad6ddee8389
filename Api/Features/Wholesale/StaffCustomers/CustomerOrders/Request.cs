using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.CustomerOrders;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long UserId { get; init; }
}

sealed record Response(JsonElement Orders, int Total);
