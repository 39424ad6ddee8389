using System.Text.Json.Serialization;
using Api.Features.Wholesale.Common;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.SalesCustomers.SaveAch;

sealed record Request : IRequest<ErrorOr<Response>>
{
    [BindFrom("customer_id")] public long CustomerId { get; init; }
    public string? BankName { get; init; }
    public string? AccountName { get; init; }
    public string? RoutingNumber { get; init; }
    public string? AccountNumber { get; init; }
    public string? AccountType { get; init; }
    [JsonIgnore] public Caller Caller { get; init; } = Caller.Anonymous;

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.CustomerId).GreaterThan(0);
            AchOnFile.Rules(this, r => r.RoutingNumber, r => r.AccountNumber, r => r.AccountType, r => r.BankName, r => r.AccountName);
        }
    }
}

sealed class Response
{
    public bool Success { get; init; } = true;
    public long CustomerId { get; init; }
    public bool HasAch { get; init; }
    public string? AchBankName { get; init; }
    public string? AchAccountName { get; init; }
    public string? AchRoutingNumber { get; init; }
    public string? AchAccountNumberMasked { get; init; }
    public string? AchAccountType { get; init; }
    public DateTimeOffset? AchAuthorizedAt { get; init; }
    public long? AchAuthorizedBy { get; init; }
}
