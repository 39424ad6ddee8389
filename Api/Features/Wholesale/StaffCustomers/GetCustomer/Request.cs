using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.GetCustomer;

sealed record Request : IRequest<ErrorOr<CustomerView>>
{
    public long UserId { get; init; }
}
