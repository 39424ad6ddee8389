using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.Wholesale.Admin.RevokeKey;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("key_id")] public long KeyId { get; init; }
}

sealed record Response(bool Success, KeyView Key);
