using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Admin.ListKeys;

sealed record Request : IRequest<ErrorOr<List<KeyView>>>;
