using ErrorOr;
using FastEndpoints;
using FluentValidation;
using Mediator;

namespace Api.Features.Wholesale.StaffCategories.CreateCategory;

sealed record Request : IRequest<ErrorOr<Response>>
{
    public string? Name { get; init; }
    public string? Description { get; init; }

    sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Required")
                .MaximumLength(100).WithMessage("Must be at most 100 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
            RuleFor(r => r.Description).MaximumLength(1000).WithMessage("Must be at most 1000 characters")
                .Must(s => s is null || !s.Contains('\0')).WithMessage("Must not contain NUL characters");
        }
    }
}

/// <summary>The document's fields: success, category.</summary>
sealed record Response(bool Success, Category Category);

sealed record Category
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    public int SortOrder { get; init; }
    public DateTime CreatedAt { get; init; }
}
