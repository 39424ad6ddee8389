using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Orders.CreateAccount;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? DeliveryName { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? DeliveryCity { get; init; }
    public string? DeliveryState { get; init; }
    public string? DeliveryZip { get; init; }
    public string? DeliveryPhone { get; init; }
    public string? DeliveryCompany { get; init; }
    public string? OrderNumber { get; init; }
    /// <summary>Set by the endpoint: this API's Wholesale base URL, for the verification link.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string ApiBase { get; init; } = "";

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Email).NotEmpty().MaximumLength(254).EmailAddress();
            RuleFor(r => r.Password).NotEmpty().MinimumLength(6).MaximumLength(128);
            RuleFor(r => r.DeliveryName).NotEmpty().MaximumLength(200);
            RuleFor(r => r.DeliveryAddress).NotEmpty().MaximumLength(500);
            RuleFor(r => r.DeliveryCity).NotEmpty().MaximumLength(100);
            RuleFor(r => r.DeliveryState).NotEmpty().MaximumLength(50);
            RuleFor(r => r.DeliveryZip).NotEmpty().MaximumLength(20);
            RuleFor(r => r.DeliveryCompany).MaximumLength(200);
            RuleFor(r => r.DeliveryPhone).Must(p => Phones.ToE164(p) is not null).WithMessage("not a valid phone number")
                .When(r => !string.IsNullOrWhiteSpace(r.DeliveryPhone));
            RuleFor(r => r.OrderNumber).Must(OrderNumbers.Plausible).WithMessage("not a valid order number")
                .When(r => !string.IsNullOrWhiteSpace(r.OrderNumber));
        }
    }
}

/// <summary>The document's fields plus <c>order_linked</c> (whether the given order was attached to the new account).</summary>
sealed record Response(bool Success, string Message, UserView User, bool OrderLinked);

sealed record UserView
{
    public long Id { get; init; }
    public string Username { get; init; } = "";
    public string Email { get; init; } = "";
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? CompanyName { get; init; }
    public string? Phone { get; init; }
    public string? ShippingAddress { get; init; }
    public bool EmailVerified { get; init; }
}
