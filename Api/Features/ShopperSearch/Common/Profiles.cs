namespace Api.Features.ShopperSearch.Common;

/// <summary>A <c>user_profile</c> row as the profile endpoints return it.</summary>
sealed record ProfileRow(long Id, string UserName, string FirstName, string LastName, string EmailId, string? ProfileName);
