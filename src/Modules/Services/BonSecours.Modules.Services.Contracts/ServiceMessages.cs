using System.Runtime.Serialization;

namespace BonSecours.Modules.Services.Contracts;

// Integration messages of the Services module (the association's kiosk), for the usage lab
// and other modules. They carry ids, kinds and dates, never prices paid by a named person.

[DataContract(Namespace = "services", Name = "service-ordered.v1")]
public sealed record ServiceOrdered(Guid OrderId, Guid OfferingId, string OfferingKind, Guid ResidentId, bool IsRecurring, DateOnly ServiceDate);

[DataContract(Namespace = "services", Name = "service-delivered.v1")]
public sealed record ServiceDelivered(Guid OrderId, Guid OfferingId, string OfferingKind, DateOnly ServiceDate);

[DataContract(Namespace = "services", Name = "service-order-cancelled.v1")]
public sealed record ServiceOrderCancelled(Guid OrderId, Guid OfferingId, string OfferingKind, string CancelledBy);
