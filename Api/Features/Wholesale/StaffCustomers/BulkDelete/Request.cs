using System.Text.Json.Serialization;
using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCustomers.BulkDelete;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public long[]? Ids { get; init; }
    [JsonIgnore] public long StaffId { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Ids).NotEmpty().WithMessage("ids is required (an array of customer ids)");
            RuleFor(r => r.Ids!.Length).LessThanOrEqualTo(1000).When(r => r.Ids is not null).WithName("ids").WithMessage("At most 1000 ids at once");
        }
    }
}

sealed record Response(bool Success, int Deleted);
