using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.Sourcing.ListSuppliers;

/// <summary><c>active</c>: true (default) active only, false inactive only, all (or empty) both.</summary>
sealed record Request : IRequest<ErrorOr<List<SupplierRow>>>
{
    [QueryParam] public string? Active { get; init; } = "true";
    [QueryParam] public string? Search { get; init; }
    [QueryParam] public string? Platform { get; init; }

    internal static bool? ActiveFilter(string? active) => active?.Trim().ToLowerInvariant() switch
    {
        null or "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Active).Must(a => a is null || a.Trim().ToLowerInvariant() is "" or "all" or "true" or "1" or "yes" or "false" or "0" or "no")
                .WithMessage("Must be true, false or all");
            RuleFor(r => r.Search).Text(200);
            RuleFor(r => r.Platform).Text(100);
        }
    }
}
