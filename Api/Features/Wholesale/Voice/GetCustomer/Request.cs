using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.GetCustomer;

sealed record Request : IRequest<ErrorOr<JsonElement>>
{
    public string? PhoneNumber { get; init; }
    public string? Phone { get; init; }
}
