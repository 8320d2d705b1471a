// Deliberately broken types: each one breaks one architecture rule, so the tests in
// RuleViolationTests prove that the rules report what they are meant to catch.
// The namespaces mimic a module named "Violations" so namespace-based rules select them.

using BonSecours.BuildingBlocks.Application;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Routing;

[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("BonSecours.Modules.Violations")]

namespace BonSecours.Modules.Violations.Contracts
{
    [System.Runtime.Serialization.DataContract(Namespace = "violations", Name = "mutable-contract.v1")]
    public class MutableContract
    {
        public Guid ResidentId { get; set; }
    }

    public sealed record ContractWithoutAlias(Guid ResidentId);

    [System.Runtime.Serialization.DataContract(Namespace = "residents", Name = "resident-registered.v1")]
    public sealed record DuplicateAliasContract(Guid ResidentId);
}

namespace BonSecours.Modules.Violations.Domain
{
    internal sealed class DomainUsingMarten(IDocumentSession session)
    {
        public Task SaveAsync() => session.SaveChangesAsync();
    }

    /// <summary>A domain type tied to MediatR through BuildingBlocks.Application.</summary>
    internal sealed record DomainRequest(Guid ResidentId) : ICommand<Guid>;

    internal sealed record ResidentRegistration(Guid ResidentId);

    internal sealed class ViolationAggregate
    {
        public Guid Id { get; private set; }

        public void Apply(ResidentRegistration registration) => Id = registration.ResidentId;
    }
}

namespace BonSecours.Modules.Violations.Features
{
    public static class LeakyEndpoint
    {
        public static void Map(IEndpointRouteBuilder api) => _ = api;
    }

    public sealed record RegisterThing(string Name) : ICommand<Guid>;

    internal sealed record ThingRegistered(string Name) : ICommand<Guid>;

    internal sealed record ResidentRegistration(string Name) : ICommand<Guid>;

    internal sealed record RegisterThingCommand(string Name) : ICommand<Guid>;

    internal sealed class ThingRules : AbstractValidator<RegisterThing>;

    public sealed class PublicRequestHandler : IRequestHandler<RegisterThing, Guid>
    {
        public Task<Guid> Handle(RegisterThing request, CancellationToken cancellationToken) => Task.FromResult(Guid.Empty);
    }

    /// <summary>A Wolverine handler in a "module" that declares no store.</summary>
    public sealed class ThingConsumer
    {
        public void Handle(RegisterThing message) => _ = message;
    }

    internal static class ReachesIntoResidents
    {
        public static Type Aggregate => typeof(BonSecours.Modules.Residents.Domain.Resident);
    }
}

namespace BonSecours.Modules.Violations.Infrastructure
{
    /// <summary>A store marker that the Host never binds with UseAncillaryStorageFromAssemblyContaining.</summary>
    public interface IViolationsStore : IDocumentStore;
}
