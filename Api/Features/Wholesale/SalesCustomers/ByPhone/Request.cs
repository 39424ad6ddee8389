using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;
using Api.Features.Wholesale.Common;

namespace Api.Features.Wholesale.SalesCustomers.ByPhone;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [QueryParam] public string? Phone { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Phone).Must(p => Phones.ToE164(p) is not null).WithMessage("phone must be a valid phone number");
    }
}

/// <summary>A customer's profile (as GET profile, <c>no_account: false</c>), or for a guest with orders to that phone:
/// <c>no_account: true</c>, the phone, the name and email of their newest order, and those orders.</summary>
sealed class Response
{
    public bool NoAccount { get; init; }
    public long? Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? CompanyName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Phone2 { get; init; }
    public string? ShippingAddress { get; init; }
    public string? BillingAddress { get; init; }
    public string? PaymentTerms { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public long OrderCount { get; init; }
    public decimal TotalSpent { get; init; }
    public List<ProfileOrder> Orders { get; init; } = [];
}
