using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.Orders.ListOrders;

sealed record Request(long CustomerId) : IRequest<ErrorOr<List<OrderSummary>>>;
