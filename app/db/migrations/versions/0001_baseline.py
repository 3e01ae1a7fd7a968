"""Baseline: every table of the placement file, the audit log.

Revision ID: 0001_baseline
Revises: 
Create Date: 2026-11-23 01:18:06.819262
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_baseline'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    op.create_table('placement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student', sa.String(length=200), nullable=False),
    sa.Column('programme', sa.String(length=200), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('setting', sa.String(length=20), nullable=False),
    sa.Column('start', sa.Date(), nullable=False),
    sa.Column('end', sa.Date(), nullable=False),
    sa.Column('working_days', sa.String(length=40), nullable=False),
    sa.Column('induction_days', sa.Integer(), nullable=False),
    sa.Column('required_days', sa.Integer(), nullable=False),
    sa.Column('host_team_average_caseload', sa.Float(), nullable=True),
    sa.Column('archived', sa.Date(), nullable=True),
    sa.Column('close_reason', sa.Text(), nullable=True),
    sa.Column('policy', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement'))
    )
    op.create_table('absence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('who', sa.String(length=30), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('cover', sa.String(length=200), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_absence_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absence')),
    sa.UniqueConstraint('placement_id', 'key', name=op.f('uq_absence_placement_id'))
    )
    op.create_table('case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('ref', sa.String(length=80), nullable=False),
    sa.Column('initials', sa.String(length=10), nullable=True),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('student_role', sa.String(length=20), nullable=False),
    sa.Column('allocated', sa.Date(), nullable=False),
    sa.Column('ended', sa.Date(), nullable=True),
    sa.Column('ending', sa.String(length=40), nullable=True),
    sa.Column('handover_to', sa.String(length=200), nullable=True),
    sa.Column('complexity', sa.String(length=10), nullable=False),
    sa.Column('risk', sa.String(length=10), nullable=False),
    sa.Column('educator_consulted', sa.Boolean(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('previous_social_workers', sa.Integer(), nullable=False),
    sa.Column('major_transition', sa.Boolean(), nullable=False),
    sa.Column('conflict_of_interest', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_case_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case')),
    sa.UniqueConstraint('placement_id', 'ref', name=op.f('uq_case_placement_id'))
    )
    op.create_table('induction_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=80), nullable=False),
    sa.Column('done', sa.Date(), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_induction_item_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_induction_item')),
    sa.UniqueConstraint('placement_id', 'item', name=op.f('uq_induction_item_placement_id'))
    )
    op.create_table('learning_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=80), nullable=False),
    sa.Column('evidenced', sa.Date(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_learning_evidence_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_learning_evidence'))
    )
    op.create_table('pcf_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_pcf_review_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcf_review')),
    sa.UniqueConstraint('placement_id', 'key', name=op.f('uq_pcf_review_placement_id'))
    )
    op.create_table('person_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('onsite', sa.Boolean(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_person_role_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_role')),
    sa.UniqueConstraint('placement_id', 'role', name=op.f('uq_person_role_placement_id'))
    )
    op.create_table('supervision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('caseload_discussed', sa.Boolean(), nullable=False),
    sa.Column('decisions_recorded', sa.Boolean(), nullable=False),
    sa.Column('wellbeing', sa.Text(), nullable=True),
    sa.Column('learning', sa.Text(), nullable=True),
    sa.Column('signed_by_educator', sa.Date(), nullable=True),
    sa.Column('signed_by_student', sa.Date(), nullable=True),
    sa.Column('next', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_supervision_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision')),
    sa.UniqueConstraint('placement_id', 'key', name=op.f('uq_supervision_placement_id'))
    )
    op.create_table('addendum',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_addendum_supervision_id_supervision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_addendum'))
    )
    op.create_table('case_direction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('discussion', sa.Text(), nullable=False),
    sa.Column('decision', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_direction_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_case_direction_supervision_id_supervision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_direction'))
    )
    op.create_table('case_discussed',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_case_discussed_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_case_discussed_supervision_id_supervision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_case_discussed'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('with', sa.String(length=200), nullable=True),
    sa.Column('observer', sa.String(length=200), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('after_hours', sa.Boolean(), nullable=True),
    sa.Column('checked_in', sa.Boolean(), nullable=True),
    sa.Column('accompanied_by', sa.String(length=200), nullable=True),
    sa.Column('meeting', sa.String(length=20), nullable=True),
    sa.Column('chaired_by', sa.String(length=30), nullable=True),
    sa.Column('competent', sa.Boolean(), nullable=True),
    sa.Column('authorised_by', sa.String(length=200), nullable=True),
    sa.Column('report', sa.String(length=20), nullable=True),
    sa.Column('overseen_by', sa.String(length=200), nullable=True),
    sa.Column('recorded', sa.Boolean(), nullable=True),
    sa.Column('by', sa.String(length=200), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_event_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_event_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('placement_id', 'key', name=op.f('uq_event_placement_id'))
    )
    op.create_table('manager_override',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('review_by', sa.Date(), nullable=False),
    sa.Column('reviewed', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_manager_override_case_id_case'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_manager_override')),
    sa.UniqueConstraint('case_id', name=op.f('uq_manager_override_case_id'))
    )
    op.create_table('pcf_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=40), nullable=False),
    sa.Column('reference', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['pcf_review.id'], name=op.f('fk_pcf_evidence_review_id_pcf_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcf_evidence'))
    )
    op.create_table('pcf_rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=40), nullable=False),
    sa.Column('rating', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['review_id'], ['pcf_review.id'], name=op.f('fk_pcf_rating_review_id_pcf_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pcf_rating')),
    sa.UniqueConstraint('review_id', 'domain', name=op.f('uq_pcf_rating_review_id'))
    )
    op.create_table('supervision_attendee',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('supervision_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['supervision_id'], ['supervision.id'], name=op.f('fk_supervision_attendee_supervision_id_supervision'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision_attendee'))
    )
    op.create_table('transition',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], name=op.f('fk_transition_case_id_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placement.id'], name=op.f('fk_transition_placement_id_placement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transition')),
    sa.UniqueConstraint('placement_id', 'case_id', name=op.f('uq_transition_placement_id'))
    )
    op.create_table('action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_direction_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=True),
    sa.Column('due', sa.Date(), nullable=True),
    sa.Column('done', sa.Date(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['case_direction_id'], ['case_direction.id'], name=op.f('fk_action_case_direction_id_case_direction'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action'))
    )
    op.create_table('transition_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('transition_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=80), nullable=False),
    sa.Column('done', sa.Date(), nullable=False),
    sa.Column('by', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['transition_id'], ['transition.id'], name=op.f('fk_transition_item_transition_id_transition'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transition_item')),
    sa.UniqueConstraint('transition_id', 'item', name=op.f('uq_transition_item_transition_id'))
    )


def downgrade() -> None:
    op.drop_table('transition_item')
    op.drop_table('action')
    op.drop_table('transition')
    op.drop_table('supervision_attendee')
    op.drop_table('pcf_rating')
    op.drop_table('pcf_evidence')
    op.drop_table('manager_override')
    op.drop_table('event')
    op.drop_table('case_discussed')
    op.drop_table('case_direction')
    op.drop_table('addendum')
    op.drop_table('supervision')
    op.drop_table('person_role')
    op.drop_table('pcf_review')
    op.drop_table('learning_evidence')
    op.drop_table('induction_item')
    op.drop_table('case')
    op.drop_table('absence')
    op.drop_table('placement')
    op.drop_table('audit_log')
