using System.Runtime.Serialization;

namespace BonSecours.Modules.Residents.Contracts;

// Integration messages of the Residents module. They carry ids and facts that other modules
// act on, never contact details or health data. The only name they carry is the community
// display name (first name and last-name initial), never the full last name. The DataContract name and namespace
// form the stable alias on the wire: change the type freely, never the alias.

[DataContract(Namespace = "residents", Name = "resident-registered.v1")]
public sealed record ResidentRegistered(Guid ResidentId, string Category);

[DataContract(Namespace = "residents", Name = "resident-moved-in.v1")]
public sealed record ResidentMovedIn(Guid ResidentId, Guid FlatId, string FlatNumber, int Floor, Guid HouseholdId, DateOnly MoveInDate);

[DataContract(Namespace = "residents", Name = "resident-moved-out.v1")]
public sealed record ResidentMovedOut(Guid ResidentId, Guid FlatId, Guid HouseholdId, DateOnly MoveOutDate);

[DataContract(Namespace = "residents", Name = "consent-given.v1")]
public sealed record ConsentGiven(Guid ResidentId, Guid CaregiverId, DateTimeOffset GivenAt);

[DataContract(Namespace = "residents", Name = "consent-withdrawn.v1")]
public sealed record ConsentWithdrawn(Guid ResidentId, Guid CaregiverId, DateTimeOffset WithdrawnAt);

[DataContract(Namespace = "residents", Name = "caregiver-linked.v1")]
public sealed record CaregiverLinked(Guid ResidentId, Guid CaregiverId, string Kind);

[DataContract(Namespace = "residents", Name = "caregiver-unlinked.v1")]
public sealed record CaregiverUnlinked(Guid ResidentId, Guid CaregiverId);

[DataContract(Namespace = "residents", Name = "accessibility-preferences-changed.v1")]
public sealed record AccessibilityPreferencesChanged(Guid ResidentId, string TextSize, bool HighContrast, bool EasyRead, bool ReadAloud);

/// <summary>
/// The name other people of the residence see for a resident: the first name and the initial
/// of the last name, such as « Jeanne M. ». Sent on registration and on every name change.
/// </summary>
[DataContract(Namespace = "residents", Name = "resident-display-name-set.v1")]
public sealed record ResidentDisplayNameSet(Guid ResidentId, string DisplayName);

/// <summary>
/// The name residents see for a caregiver, built like a resident's. <c>Kind</c> is
/// "Caregiver" for a relative or friend and "Referent" for a professional, as in CaregiverLinked.
/// </summary>
[DataContract(Namespace = "residents", Name = "caregiver-display-name-set.v1")]
public sealed record CaregiverDisplayNameSet(Guid CaregiverId, string DisplayName, string Kind);
