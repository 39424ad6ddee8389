using Api.Infrastructure.Integrations.Mail;
using Microsoft.Extensions.Options;

namespace Api.Features.Wholesale.Common;

/// <summary>The texts of sign-in and recovery mails. Links to pages go to <c>Wholesale:FrontendUrl</c>; a link carries the raw
/// single-use token, which is stored only as its hash.</summary>
sealed class AccountMail(IOptions<WholesaleOptions> options)
{
    string Frontend => options.Value.FrontendUrl.TrimEnd('/');

    public OutgoingMail Verification(string to, string username, string verifyUrl) => new(to, "Confirm your email address",
        $"Hello {username},\n\nConfirm your email address to finish setting up your account:\n{verifyUrl}\n\n" +
        "The link expires in 24 hours. If you did not create an account, ignore this message.", null, "wholesale.verify_email", null);

    public OutgoingMail CustomerReset(string to, string token) => new(to, "Reset your password",
        $"Someone asked to reset the password of your account.\n\nChoose a new password: {Frontend}/reset-password?token={Uri.EscapeDataString(token)}\n\n" +
        "The link works once and expires in 1 hour. If you did not ask for this, ignore this message.", null, "wholesale.reset_password", null);

    public OutgoingMail StaffReset(string to, string token) => new(to, "Reset your staff password",
        $"Someone asked to reset the password of your staff account.\n\nChoose a new password: {Frontend}/staff/reset-password?token={Uri.EscapeDataString(token)}\n\n" +
        "The link works once and expires in 1 hour. If you did not ask for this, ignore this message.", null, "wholesale.staff_reset_password", null);

    public OutgoingMail Username(string to, string username, bool staff) => new(to, staff ? "Your staff username" : "Your username",
        $"Your {(staff ? "staff " : "")}username is: {username}\n\nIf you did not ask for this, ignore this message.", null,
        staff ? "wholesale.staff_forgot_username" : "wholesale.forgot_username", null);

    public OutgoingMail PasswordChanged(string to, string how) => new(to, "Your password was changed",
        $"The password of your account was just changed ({how}). Other sign-ins were ended.\n\n" +
        "If this was not you, reset your password at once and contact us.", null, "wholesale.password_changed", null);
}
