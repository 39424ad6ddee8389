using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffAuth.ShippingLogin;

sealed class Handler(StaffSignIn signIn) : IRequestHandler<Request, ErrorOr<Outcome>>
{
    public async ValueTask<ErrorOr<Outcome>> Handle(Request req, CancellationToken ct)
    {
        var issued = await signIn.SignInAsync(req.Username, req.Password, "shipping", ct);
        if (issued.IsError) return issued.Errors;
        var s = issued.Value.Staff;
        return new Outcome(new Response(true, new ShippingStaffView(s.Id, s.Username, s.Role, s.IsActive), issued.Value.Token), issued.Value.Token, issued.Value.Expires);
    }
}
