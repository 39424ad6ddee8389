using System.Text.Json.Serialization;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Auth.GetUser;

sealed record Request : IRequest<ErrorOr<UserResponse>>
{
    public long UserId { get; init; }
    /// <summary>Set by the endpoint from the session.</summary>
    [JsonIgnore] public long CallerId { get; init; }
}
