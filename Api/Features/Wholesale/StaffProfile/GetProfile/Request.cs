using ErrorOr;
using Mediator;

namespace Api.Features.Wholesale.StaffProfile.GetProfile;

sealed record Request(long StaffId) : IRequest<ErrorOr<ProfileView>>;
