using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BonSecours.BuildingBlocks.Application;

public static class MediatorRegistration
{
    /// <summary>
    /// Registers MediatR 5 by hand, because its DI package is not served here, then
    /// scans the given assemblies with Scrutor for request handlers and validators,
    /// including internal ones.
    /// </summary>
    public static IServiceCollection AddBonSecoursMediator(this IServiceCollection services, params Assembly[] assemblies)
    {
        // Every module calls this; the shared parts must be registered once only, or each
        // request would run through the behaviours once per module.
        services.TryAddScoped<ServiceFactory>(provider => provider.GetRequiredService);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>)));
        services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));

        services.Scan(scan => scan
            .FromAssemblies(assemblies)
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime());

        return services;
    }
}
