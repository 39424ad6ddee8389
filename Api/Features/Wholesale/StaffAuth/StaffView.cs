namespace Api.Features.Wholesale.StaffAuth;

/// <summary>The document's <c>staff (id, username, email, first_name, last_name, role)</c>.</summary>
sealed record StaffView(long Id, string Username, string? Email, string? FirstName, string? LastName, string Role);

/// <summary>The shipping portal's <c>staff (id, username, role, is_active)</c>.</summary>
sealed record ShippingStaffView(long Id, string Username, string Role, bool IsActive);
