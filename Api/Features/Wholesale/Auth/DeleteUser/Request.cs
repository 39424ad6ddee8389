using System.Text.Json.Serialization;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.DeleteUser;

sealed record Request : IRequest<ErrorOr<Success>>
{
    public long UserId { get; init; }
    [JsonIgnore] public long CallerId { get; init; }
}
