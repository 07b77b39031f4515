// The snippets print to Console as the docs do, and one test captures Console.Out to check what a reader would see;
// running the (fast) tests one at a time keeps that capture free of other tests' output.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
