package cli

import (
	"context"
	"errors"
	"slices"

	"github.com/attache/attache/domain"
	"github.com/spf13/cobra"
)

// The evidence of key judgments: `briefing link`, `briefing unlink` and
// `briefing evidence`. Links are saved through SaveBriefing, the one save
// path the composer uses too, so a link made here merges with edits the
// app makes meanwhile.

func (a *cliApp) evidenceCommands() []*cobra.Command {
	return []*cobra.Command{a.linkCommand(), a.unlinkCommand(), a.evidenceCommand()}
}

func (a *cliApp) linkCommand() *cobra.Command {
	var supports, contradicts int64
	var note string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "link BLOCK (--supports EXCERPT | --contradicts EXCERPT) [--note TEXT]",
		Short: "Link a key judgment to an excerpt that supports it or cuts against it",
		Long: `Link a key judgment (its block id, from 'attache briefing show') to an
excerpt that supports it (--supports) or cuts against it (--contradicts).
The excerpt need not be quoted in the briefing. Linking the same excerpt
again changes the stance and note. --note says how the excerpt bears on
the judgment; for contradicting evidence, why it does not overturn it.`,
		Args: exactArgs(1, "a block id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			blockID, err := parseID(args[0], "block")
			if err != nil {
				return err
			}
			f := cmd.Flags()
			ev := domain.Evidence{ExcerptID: supports, Stance: domain.StanceSupports, Note: note}
			switch {
			case f.Changed("supports") == f.Changed("contradicts"):
				return usagef("give one of --supports EXCERPT or --contradicts EXCERPT")
			case f.Changed("contradicts"):
				ev.ExcerptID, ev.Stance = contradicts, domain.StanceContradicts
			}
			if ev.ExcerptID <= 0 {
				return usagef("%d is not an excerpt id: give the number shown by 'attache excerpts'", ev.ExcerptID)
			}
			if err := domain.EvidenceNote.Check(note); err != nil {
				return usageError{err}
			}
			lib, err := a.lib(cmd.Context())
			if err != nil {
				return err
			}
			e, err := lib.Excerpt(cmd.Context(), ev.ExcerptID)
			if err != nil {
				return err
			}
			if e.TrashedAt != nil {
				return domain.Errorf(domain.EINVALID, "excerpt %d is in the trash: restore it with `attache excerpt undelete %d` before linking it", e.ID, e.ID)
			}
			br, blk, err := a.editJudgment(cmd.Context(), blockID, func(b *domain.Block) error {
				b.Link(ev)
				return nil
			})
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(a.env.Stdout, blockOut(blk))
			}
			printf(a.env.Stdout, "Linked excerpt %d to judgment %d of briefing %d: it %s “%s”\n", e.ID, blk.ID, br.ID,
				ev.Stance, clip(blk.Text, 80))
			return nil
		},
	}
	f := cmd.Flags()
	f.Int64Var(&supports, "supports", 0, "the excerpt supports the judgment")
	f.Int64Var(&contradicts, "contradicts", 0, "the excerpt cuts against the judgment")
	f.StringVar(&note, "note", "", "how the excerpt bears on the judgment")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

func (a *cliApp) unlinkCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "unlink BLOCK EXCERPT",
		Short: "Remove the link between a key judgment and an excerpt",
		Args:  exactArgs(2, "a block id and an excerpt id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			blockID, err := parseID(args[0], "block")
			if err != nil {
				return err
			}
			excerptID, err := parseID(args[1], "excerpt")
			if err != nil {
				return err
			}
			br, blk, err := a.editJudgment(cmd.Context(), blockID, func(b *domain.Block) error {
				if !b.Unlink(excerptID) {
					return domain.Errorf(domain.ENOTFOUND, "judgment %d is not linked to excerpt %d: see its evidence with `attache briefing evidence`", b.ID, excerptID)
				}
				return nil
			})
			if err != nil {
				return err
			}
			printf(a.env.Stdout, "Unlinked excerpt %d from judgment %d of briefing %d\n", excerptID, blk.ID, br.ID)
			return nil
		},
	}
}

// editJudgment changes the key judgment with the block ID through
// SaveBriefing, edited from the copy just read; a briefing saved by the
// app between the read and the write is merged in by the store, and a
// clash on the same judgment is retried on a fresh copy.
func (a *cliApp) editJudgment(ctx context.Context, blockID int64, edit func(*domain.Block) error) (*domain.Briefing, *domain.Block, error) {
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, nil, err
	}
	for try := 0; ; try++ {
		base, err := a.blockBriefing(ctx, blockID)
		if err != nil {
			return nil, nil, err
		}
		b := base.Clone()
		i := slices.IndexFunc(b.Blocks, func(x *domain.Block) bool { return x.ID == blockID })
		blk := b.Blocks[i]
		if blk.Type != domain.BlockJudgment {
			return nil, nil, domain.Errorf(domain.EINVALID, "block %d is a %s, not a key judgment: only key judgments are linked to evidence", blockID, blk.Type)
		}
		if err := edit(blk); err != nil {
			return nil, nil, err
		}
		saved, err := lib.SaveBriefing(ctx, base, b)
		var clash *domain.MergeConflict
		if errors.As(err, &clash) && try < 5 {
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		if j := slices.IndexFunc(saved.Briefing.Blocks, func(x *domain.Block) bool { return x.ID == blockID }); j >= 0 {
			blk = saved.Briefing.Blocks[j]
		}
		return saved.Briefing, blk, nil
	}
}

// blockBriefing finds the briefing (outside the trash) that holds the
// block.
func (a *cliApp) blockBriefing(ctx context.Context, blockID int64) (*domain.Briefing, error) {
	lib, err := a.lib(ctx)
	if err != nil {
		return nil, err
	}
	for _, trashed := range []bool{false, true} {
		list, err := lib.Briefings(ctx, domain.BriefingFilter{Trashed: trashed})
		if err != nil {
			return nil, err
		}
		for _, s := range list {
			br, err := lib.Briefing(ctx, s.ID)
			if err != nil {
				return nil, err
			}
			if !slices.ContainsFunc(br.Blocks, func(b *domain.Block) bool { return b.ID == blockID }) {
				continue
			}
			if trashed {
				return nil, domain.Errorf(domain.EINVALID, "block %d is in briefing %d, which is in the trash: restore it with `attache briefing undelete %d` first", blockID, br.ID, br.ID)
			}
			return br, nil
		}
	}
	return nil, domain.Errorf(domain.ENOTFOUND, "there is no block %d: see the block ids with `attache briefing show BRIEFING`", blockID)
}
