using Api.Features.Wholesale.Common;
using FluentValidation;

namespace Api.Features.Wholesale.StaffSubscriptions;

/// <summary>Field rules shared by enrolment and edits: interval 1 to 365 days, discount 0 to below 100 % with two decimals.</summary>
static class SubscriptionRules
{
    public static readonly string[] PaymentTypes = ["card", "ach"];

    public static void Interval<T>(IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, 365).WithMessage("Must be between 1 and 365 days");

    public static void Discount<T>(IRuleBuilder<T, decimal?> rule) =>
        rule.Must(d => d is null || (d >= 0 && d < 100)).WithMessage("Must be at least 0 and below 100")
            .Must(d => Money.HasAtMostTwoDecimals(d)).WithMessage(Money.TwoDecimalsMessage);
}
