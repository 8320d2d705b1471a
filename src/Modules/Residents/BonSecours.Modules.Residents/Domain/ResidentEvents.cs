namespace BonSecours.Modules.Residents.Domain;

// Events of a resident's stream. Names, birth date and contact details live in the
// ResidentPersonalDetails document, which can be erased; these events only carry ids and facts.

internal sealed record ResidentRegistered(Guid ResidentId, ResidentCategory Category, string? TenancyReference);

internal sealed record ResidentMovedIn(Guid FlatId, string FlatNumber, int Floor, Guid HouseholdId, DateOnly MoveInDate);

internal sealed record ResidentMovedOut(Guid FlatId, Guid HouseholdId, DateOnly MoveOutDate);

internal sealed record ResidentCategoryChanged(ResidentCategory Category);

/// <summary>The personal details document changed; the list names the fields, never their values.</summary>
internal sealed record PersonalDetailsChanged(string[] Fields);

internal sealed record AccessibilityPreferencesChanged(TextSize TextSize, bool HighContrast, bool EasyRead, bool ReadAloud);

internal sealed record TabletLent(string SerialNumber, DateOnly LentOn);

internal sealed record TabletReturned(string SerialNumber, DateOnly ReturnedOn);

internal sealed record ConsentGiven(Guid CaregiverId, CaregiverKind Kind, ConsentMethod Method, DateTimeOffset GivenAt);

internal sealed record CaregiverLinked(Guid CaregiverId, CaregiverKind Kind);

internal sealed record ConsentWithdrawn(Guid CaregiverId, DateTimeOffset WithdrawnAt);

internal sealed record CaregiverUnlinked(Guid CaregiverId);

// Tablet sign-in events. The pairing code, device secret and PIN stay in the
// TabletCredential document as hashes; these events never carry them.

internal sealed record TabletPairingStarted(string SerialNumber, DateTimeOffset CodeExpiresAt);

internal sealed record TabletPaired(string SerialNumber);

internal sealed record TabletPinLocked(string SerialNumber, int FailedAttempts);

internal sealed record TabletPinReset(string SerialNumber);
