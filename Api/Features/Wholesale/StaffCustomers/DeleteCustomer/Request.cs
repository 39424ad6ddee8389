using System.Text.Json.Serialization;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DeleteCustomer;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long UserId { get; init; }
    [JsonIgnore] public long StaffId { get; init; }
}

sealed record Response(bool Success, long DeletedId);
