using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.Me;

sealed record Request(long StaffId) : IRequest<ErrorOr<Response>>;

sealed record Response(StaffView Staff);
