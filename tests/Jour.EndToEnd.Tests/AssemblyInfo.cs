// One terminal program at a time: timings and the 2-core machine stay predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
