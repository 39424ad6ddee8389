using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Voice.DbStats;

sealed record Request : IRequest<ErrorOr<JsonElement>>;
