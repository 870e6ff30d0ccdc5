// The cluster tests start several processes each and measure recovery times: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
