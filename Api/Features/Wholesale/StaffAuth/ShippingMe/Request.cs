using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ShippingMe;

sealed record Request(long StaffId) : IRequest<ErrorOr<ShippingStaffView>>;
