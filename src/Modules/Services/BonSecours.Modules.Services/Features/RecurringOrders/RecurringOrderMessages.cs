namespace BonSecours.Modules.Services.Features.RecurringOrders;

// Messages of the Services module to itself; Wolverine needs them public.

/// <summary>Plans the coming occurrences of one recurring order, sent when it starts and by the daily run.</summary>
public sealed record GenerateRecurringOccurrences(Guid RecurringOrderId);

/// <summary>Places the order of one occurrence in its own transaction. The order id derives from the recurring order and the date, so a second message places nothing.</summary>
public sealed record PlaceRecurringOccurrence(Guid RecurringOrderId, DateOnly Date);

/// <summary>The daily run for one residence (the envelope's tenant); it schedules the next day's run itself.</summary>
public sealed record GenerateDailyOccurrences(DateOnly ForDate);
