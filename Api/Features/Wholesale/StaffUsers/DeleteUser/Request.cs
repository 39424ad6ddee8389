using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.StaffUsers.DeleteUser;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long UserId { get; init; }
    [JsonIgnore, HideFromDocs] public Caller Caller { get; init; } = Caller.Anonymous;
}

sealed record Response(string Message);
