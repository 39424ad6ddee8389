using System.Text.Json;
using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.DuplicatePhones;

sealed record Request : IRequest<ErrorOr<Response>>;

sealed record Response(JsonElement DuplicateGroups, int TotalGroups);
