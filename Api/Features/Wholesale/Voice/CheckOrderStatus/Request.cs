using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.CheckOrderStatus;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? OrderNumber { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
}
